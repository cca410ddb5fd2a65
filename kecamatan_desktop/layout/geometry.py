"""Points and rectangles in page coordinates: points (1/72 inch), origin top-left, y down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def contains_rect(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance
                and other.bottom <= self.bottom + tolerance)

    def overlaps(self, other: Rect) -> bool:
        """True when the interiors share area (touching edges do not count)."""
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)

    def crossed_by(self, a: Point, b: Point) -> bool:
        """True when the axis-parallel segment a-b passes through the interior."""
        if a.y == b.y:
            lo, hi = sorted((a.x, b.x))
            return self.y < a.y < self.bottom and lo < self.right and self.x < hi
        lo, hi = sorted((a.y, b.y))
        return self.x < a.x < self.right and lo < self.bottom and self.y < hi
