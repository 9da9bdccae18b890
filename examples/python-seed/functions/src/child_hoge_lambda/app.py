from common_modules import module_a


def lambda_handler(event, context):
    return {"statusCode": 200, "body": module_a.greet("hoge")}
