import tools


def lambda_handler(event, context):
    return {"statusCode": 200, "body": tools.money(1999), "tools": tools.VERSION}
