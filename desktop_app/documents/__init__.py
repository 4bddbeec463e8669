"""The order-receipt confirmation as a document: template → HTML → QTextDocument → PDF/printer.

QtGui and QtPrintSupport only (no widgets), so it runs on worker threads too:

- `formats`: money and dates in the document's language (QLocale, Berlin time);
- `wording`: the fixed texts of the letter in German and English;
- `templates`: where the Jinja2 templates live, and the autoescaping environment;
- `confirmation`: an `OrderDetail` from the cache rendered to the letter's HTML;
- `pages`: the HTML laid out on A4 with letterhead, footer and "Seite X von Y";
- `output`: the letter as PDF (file or bytes) or on a printer;
- `filenames`: file names from the backend made safe for any file system.
"""
