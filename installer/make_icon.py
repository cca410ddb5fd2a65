"""Draws resources/icons/app.ico (16–256 px): a white SOP sheet with a small swimlane
flowchart (start, two steps, a decision) on the office's green tile. Run it with Pillow
installed; the .ico is committed, so builds do not need this."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
GREEN, DARK, INK, SHEET = (22, 122, 74), (12, 84, 50), (30, 41, 59), (255, 255, 255)


def draw(size: int) -> Image.Image:
    """Drawn at 4× and scaled down, so the small sizes keep their shapes."""
    s = size * 4
    u = s / 64  # one unit of a 64-unit grid
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((1 * u, 1 * u, 63 * u, 63 * u), radius=12 * u, fill=GREEN)
    d.rounded_rectangle((13 * u, 7 * u, 51 * u, 57 * u), radius=3 * u, fill=SHEET)
    line = max(1, round(2.2 * u)) if size >= 32 else max(1, round(3.2 * u))
    if size >= 32:  # the lanes only where they can be seen
        d.line((32 * u, 10 * u, 32 * u, 54 * u), fill=(203, 213, 225), width=max(1, round(u)))
    # start (terminator), a step, a decision, a step in the other lane
    d.rounded_rectangle((17 * u, 11 * u, 29 * u, 17 * u), radius=3 * u, outline=INK, width=line)
    d.line((23 * u, 17 * u, 23 * u, 22 * u), fill=INK, width=line)
    d.rectangle((17 * u, 22 * u, 29 * u, 29 * u), outline=INK, width=line)
    d.line((23 * u, 29 * u, 23 * u, 34 * u), fill=INK, width=line)
    d.polygon([(23 * u, 34 * u), (29 * u, 40 * u), (23 * u, 46 * u), (17 * u, 40 * u)],
              outline=INK, fill=(250, 204, 21), width=line)
    d.line((29 * u, 40 * u, 41 * u, 40 * u, 41 * u, 33 * u), fill=INK, width=line)
    d.rectangle((35 * u, 26 * u, 47 * u, 33 * u), fill=DARK)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in SIZES]
    images[-1].save(OUT, format="ICO", sizes=[(n, n) for n in SIZES],
                    append_images=images[:-1])
    print(OUT)


if __name__ == "__main__":
    main()
