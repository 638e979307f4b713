import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';

const normalizeTags = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag))
    : value;

/** A list of thread tags: trimmed, lower-cased words of at most 50 characters. */
export const IsTagList = (maxTags: number) =>
  applyDecorators(
    Transform(normalizeTags),
    IsArray(),
    ArrayMaxSize(maxTags),
    IsString({ each: true }),
    Matches(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,49}$/u, {
      each: true,
      message: 'tags must be words of at most 50 letters, digits, spaces, - or _',
    }),
  );
