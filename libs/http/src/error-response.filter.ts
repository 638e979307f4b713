import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@svara/common';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errorId?: string;
}

const DOMAIN_STATUS: Record<DomainError['kind'], HttpStatus> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  upstream: HttpStatus.BAD_GATEWAY,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Errors raised by Express's body parsers before a route runs. */
const BODY_PARSER_STATUS: Record<string, HttpStatus> = {
  'entity.too.large': HttpStatus.PAYLOAD_TOO_LARGE,
  'entity.parse.failed': HttpStatus.BAD_REQUEST,
  'encoding.unsupported': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'charset.unsupported': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'request.aborted': HttpStatus.BAD_REQUEST,
  'parameters.too.many': HttpStatus.PAYLOAD_TOO_LARGE,
};

const reason = (status: number) =>
  (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : JSON.stringify(response);
}

/** Every error leaves the API as {statusCode, error, message}; a 500 also carries an id to quote. */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return { statusCode, error: reason(statusCode), message: messageOf(exception.getResponse()) };
    }
    if (exception instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[exception.kind];
      return { statusCode, error: reason(statusCode), message: exception.message };
    }
    const parserType = (exception as { type?: string } | null)?.type;
    if (parserType && parserType in BODY_PARSER_STATUS) {
      const statusCode = BODY_PARSER_STATUS[parserType]!;
      const message =
        statusCode === HttpStatus.PAYLOAD_TOO_LARGE
          ? 'Request body is larger than this endpoint accepts'
          : 'Request body could not be read: it is not valid for its Content-Type';
      return { statusCode, error: reason(statusCode), message };
    }
    const errorId = randomUUID();
    this.logger.error(
      {
        errorId,
        err:
          exception instanceof Error
            ? { name: exception.name, message: exception.message, stack: exception.stack }
            : String(exception),
      },
      'unhandled error',
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: `Something went wrong on our side. Quote error id ${errorId} when reporting it.`,
      errorId,
    };
  }
}

/**
 * An Express error handler for what fails in the middlewares ahead of the
 * routes (the body parsers, above all), answered in the API's error shape.
 * It must come before the web app's static serving, whose own error handler
 * would turn every error on an /api path into a 404.
 */
export function middlewareErrorHandler(filter: ErrorResponseFilter) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    if (response.headersSent) return next(error);
    const body = filter.toBody(error);
    response.status(body.statusCode).json(body);
  };
}
