// Limits of counter protocol v1, shared by the routes and the importer.

/** An article id: 1-128 characters of ASCII letters, digits and `. _ : / -`. */
export const ID_PATTERN = /^[A-Za-z0-9._:/-]{1,128}$/;
/** Ids in one `GET /v1/counts`. */
export const MAX_IDS = 100;
/** Bytes in one `POST /v1/views` body. */
export const MAX_BODY_BYTES = 1024;
