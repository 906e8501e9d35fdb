/** The bearer requirement every /v1 route declares in its OpenAPI schema. */
export const bearer = [{ bearerAuth: [] }];
