"""What a developer runs: the build runner, the static server, the browser launcher, the
audit, page weight, screenshots, the benchmark and the lint checks. The MkDocs hooks never
import anything here."""
