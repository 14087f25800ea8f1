"""Turning events into blog posts and HTML (no Qt).

- `posts`: one event as a markdown or HTML post (`render_post`, `ExportOptions`);
- `batch`: many events into a folder, with progress and cancel (`export_posts`);
- `templates`, `views`: the Jinja2 templates (the user's own first) and what they see;
- `targets`: every export target, declared once (the post grammar itself is
  `recap.postformat`, shared with the importer);
- `front_matter`, `file_names`, `html_style`: YAML front matter, safe file names,
  inline styles and the final sanitising of HTML posts;
- `markdown_html`: markdown to sanitised HTML, also for the editor's preview.
"""
