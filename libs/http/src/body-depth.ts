import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from './error-response.filter';

/** No route of the API takes a body nested deeper than this. */
export const MAX_BODY_DEPTH = 32;

/** How deep a parsed body nests, counted without recursion and only up to past `limit`. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const inner of Object.values(current)) {
      if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
    }
  }
  return false;
}

/**
 * Refuses JSON and urlencoded bodies nested deeper than MAX_BODY_DEPTH with a
 * 400, after parsing and before any validation walks them (recursively).
 */
export function refuseDeepBodies(app: NestExpressApplication, limit = MAX_BODY_DEPTH): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!depthExceeds(request.body, limit)) return next();
    const body: ErrorBody = {
      statusCode: 400,
      error: 'Bad Request',
      message: `Request body is nested deeper than ${limit} levels`,
    };
    response.status(400).json(body);
  });
}
