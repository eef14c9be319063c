"""What the built files get before they are published: HTML fixes, minifying, robots.txt
and the trimmed palette stylesheet. Plain functions on strings and folders; no MkDocs."""
