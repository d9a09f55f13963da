"""Reading register files: YAML parsing, source positions and model validation."""
