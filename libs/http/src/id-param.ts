import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';

/** A path id that is not a UUID names nothing here: 404, as for an unknown id. */
export const IdParam = () => new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });
