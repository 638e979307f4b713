// Graph's `fields` parameter: `id,message,from,parent{id},replies.limit(5){id,text}`.

export interface FieldRequest {
  name: string;
  limit?: number;
  children?: FieldRequest[];
}

export function parseFields(spec: string | undefined): FieldRequest[] | undefined {
  if (spec === undefined || spec.trim() === '') return undefined;
  let position = 0;
  const list = (): FieldRequest[] => {
    const fields: FieldRequest[] = [];
    while (position < spec.length && spec[position] !== '}') {
      const match = /^\s*([a-z_]+)((?:\.[a-z_]+\([^)]*\))*)\s*/i.exec(spec.slice(position));
      if (!match) throw new Error(`Syntax error in fields at "${spec.slice(position)}"`);
      position += match[0].length;
      const field: FieldRequest = { name: match[1]! };
      const limit = /\.limit\((\d+)\)/.exec(match[2] ?? '');
      if (limit) field.limit = Number(limit[1]);
      if (spec[position] === '{') {
        position += 1;
        field.children = list();
        if (spec[position] !== '}') throw new Error('Syntax error in fields: missing }');
        position += 1;
      }
      fields.push(field);
      if (spec[position] === ',') position += 1;
    }
    return fields;
  };
  const fields = list();
  if (position !== spec.length)
    throw new Error(`Syntax error in fields at "${spec.slice(position)}"`);
  return fields;
}
