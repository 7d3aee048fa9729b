try:
    from workbench.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python was still loading the workbench
    raise SystemExit(130) from None

raise SystemExit(main())
