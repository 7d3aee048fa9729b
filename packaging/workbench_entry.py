"""The bundle's entry point: the same ``main`` as the ``workbench`` console script."""

from workbench.cli import main

raise SystemExit(main())
