"""Maps the top-level data/ and resources/ folders into the package as kecamatan_desktop/data
and kecamatan_desktop/resources, so a wheel and `pip install .` carry them. Everything else
is declared in pyproject.toml; resource_paths.py finds the folders in both layouts."""

from setuptools import find_packages, setup

SHIPPED = {"kecamatan_desktop.data": "data", "kecamatan_desktop.resources": "resources"}

setup(packages=[*find_packages(include=["kecamatan_desktop*"]), *SHIPPED], package_dir=SHIPPED)
