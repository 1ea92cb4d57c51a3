"""Memory across stories: an archive of reviewed claims (issue 16).

- store.py: one SQLite file of reviewed claims (text, verdict, where and when reviewed, the
  vector and figures they are matched by); append-only except `remove`.
- reviews.py: what is added (a filled checklist CSV, ClaimReview JSON-LD) and exported.
- match.py: a claim against the archive, in two calibrated tiers (`same`, `related`).
- command.py: `reporter archive add|search|list|export|remove`.
- quality.py: `reporter eval archive` (the fixture pairs, one side archived).
"""
