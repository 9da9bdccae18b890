def slug(value: str) -> str:
    return "-".join(value.lower().split())
