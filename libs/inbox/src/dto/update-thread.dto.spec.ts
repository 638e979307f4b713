import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateThreadDto } from './update-thread.dto';

const messages = (body: object) =>
  validateSync(plainToInstance(UpdateThreadDto, body)).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('UpdateThreadDto', () => {
  it('says that a missing version is required and what it is, and nothing else', () => {
    expect(messages({ status: 'CLOSED' })).toEqual([
      "version is required: the thread's version from GET /threads/:id, to detect concurrent changes",
    ]);
  });

  it('says what a wrong version should be', () => {
    for (const version of [-1, 1.5, '3']) {
      expect(messages({ version })).toEqual([
        expect.stringMatching(/^version must be a whole number of 0 or more: the thread's version/),
      ]);
    }
  });

  it('accepts a version of 0 or more', () => {
    expect(messages({ version: 0 })).toEqual([]);
    expect(messages({ version: 7, status: 'CLOSED' })).toEqual([]);
  });
});
