import { ValidationPipe } from '@nestjs/common';

/** One strict pipe for every route: unknown fields are errors, values are converted to DTO types. */
export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
  });
