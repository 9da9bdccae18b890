from tools import text


def lambda_handler(event, context):
    return {"statusCode": 200, "body": text.slug("Hello Layer Sync")}
