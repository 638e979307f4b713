import { BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { Conflict, NotFound, Unprocessable } from '@svara/common';
import { ErrorResponseFilter } from './error-response.filter';

describe('ErrorResponseFilter', () => {
  const filter = new ErrorResponseFilter();
  beforeAll(() => Logger.overrideLogger(false));

  it('joins validation messages into one message that names the fields', () => {
    expect(
      filter.toBody(
        new BadRequestException(['email must be an e-mail address', 'name should not be empty']),
      ),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'email must be an e-mail address; name should not be empty',
    });
  });

  it('maps domain errors to their HTTP status', () => {
    expect(filter.toBody(new NotFound('Thread'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Thread not found',
    });
    expect(filter.toBody(new Conflict('Thread was changed by someone else')).statusCode).toBe(409);
    expect(filter.toBody(new Unprocessable('The filter matches no thread'))).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'The filter matches no thread',
    });
    expect(filter.toBody(new NotFoundException('No web form with this id')).message).toBe(
      'No web form with this id',
    );
  });

  it('answers 413 and 400 for body parser failures', () => {
    expect(filter.toBody({ type: 'entity.too.large', status: 413 }).statusCode).toBe(413);
    expect(filter.toBody({ type: 'entity.parse.failed', status: 400 }).statusCode).toBe(400);
  });

  it('hides internal errors behind an id it logs', () => {
    const body = filter.toBody(new Error('connection to 10.0.0.5 refused, password=hunter2'));
    expect(body.statusCode).toBe(500);
    expect(body.errorId).toEqual(expect.any(String));
    expect(body.message).toContain(body.errorId!);
    expect(body.message).not.toContain('hunter2');
  });
});
