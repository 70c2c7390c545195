/** Typed errors thrown by services; one handler maps them to HTTP statuses and localised messages. */
export class AppError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: string,
    public readonly params?: Record<string, unknown>,
    public readonly fields?: Record<string, string>,
  ) {
    super(code);
  }
}

/** The record does not exist or the actor may not see it: the two are indistinguishable on purpose. */
export class NotFound extends AppError {
  constructor(code = 'not_found', params?: Record<string, unknown>) {
    super(404, code, params);
  }
}
export class Unauthorized extends AppError {
  constructor(code = 'unauthenticated') {
    super(401, code);
  }
}
export class Forbidden extends AppError {
  constructor(code = 'forbidden', params?: Record<string, unknown>) {
    super(403, code, params);
  }
}
export class Conflict extends AppError {
  constructor(code = 'conflict', params?: Record<string, unknown>) {
    super(409, code, params);
  }
}
/** Business-rule validation; `fields` maps a field path to a message key. */
export class Invalid extends AppError {
  constructor(code = 'validation_failed', fields?: Record<string, string>, params?: Record<string, unknown>) {
    super(422, code, params, fields);
  }
}
export class BadRequest extends AppError {
  constructor(code = 'bad_request', params?: Record<string, unknown>) {
    super(400, code, params);
  }
}
