"""Publishing a review: release PDFs (``release``), review copies (``review_copy``), the
Vaughn index (``vaughn``) and the check that a release leaks nothing (``verify``).

Qt-free; ReportLab and pypdf are imported by these modules, so commands import them inside
``run`` only.
"""
