"""schemathesis hooks for `ereje serve`: a batch body (application/x-ndjson) is text, sent
as the generated string is (schemathesis has no NDJSON serializer of its own)."""
import schemathesis

schemathesis.serializer.alias("application/x-ndjson", "text/plain")
