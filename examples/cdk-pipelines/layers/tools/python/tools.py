VERSION = "1.2.3"


def money(cents):
    return f"{cents / 100:.2f} EUR"
