"""`bansou bench`: synthetic content at scale and the measurements of our build against bare Material.

generate.py writes a fake-but-valid project; measure.py reads sizes off a built site; run.py builds,
times and compares. Nothing here imports MkDocs: builds run `python -m mkdocs` in a subprocess.
"""
