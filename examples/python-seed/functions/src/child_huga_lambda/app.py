from common_modules import module_b


def lambda_handler(event, context):
    return {"statusCode": 200, "body": str(module_b.double(21))}
