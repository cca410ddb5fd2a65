"""Renders the README's flowchart images: the Renstra page as exported, the panel showing Renja."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kecamatan_desktop.app import make_application  # noqa: E402
from kecamatan_desktop.domain.interchange import loads  # noqa: E402
from kecamatan_desktop.export.image import write_images  # noqa: E402
from kecamatan_desktop.resource_paths import data_dir  # noqa: E402
from kecamatan_desktop.ui.flowchart.panel import FlowchartPanel  # noqa: E402

OUT = Path(__file__).resolve().parent


def seed(sop_id: str):
    return loads((data_dir() / "sops" / f"{sop_id}.json").read_text(encoding="utf-8"))


def main() -> None:
    app = make_application(sys.argv[:1])
    write_images(seed("poncokusumo-2018-renstra"), OUT / "flowchart-renstra.png")
    panel = FlowchartPanel()
    panel.resize(1280, 800)
    panel.show()
    panel.show_sop(seed("poncokusumo-2018-renja"))
    panel.select_step(5)
    app.processEvents()
    panel.grab().save(str(OUT / "flowchart-view.png"))
    panel.close()


if __name__ == "__main__":
    main()
