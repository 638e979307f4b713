/**
 * How the report's series differ without colour: each has a token colour and
 * also a dash pattern and marker shape (lines) or a fill pattern (bars).
 */
export const SERIES_COLOURS = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
];
export const DASHES = ['', '8 4', '2 4', '10 4 2 4'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;

export const colourOf = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
export const dashOf = (index: number) => DASHES[index % DASHES.length]!;
export const patternId = (index: number) => `report-pattern-${index % SERIES_COLOURS.length}`;

/** A line's marker: circle, square, triangle or diamond by the series' place. */
export function markerOf(index: number) {
  const shape = SHAPES[index % SHAPES.length]!;
  const colour = colourOf(index);
  return function Marker(props: { cx?: number; cy?: number; index?: number }) {
    const { cx, cy } = props;
    const key = `${index}-${props.index}`;
    if (cx === undefined || cy === undefined) return <g key={key} />;
    const size = 4;
    const common = { fill: colour, stroke: 'var(--surface)', strokeWidth: 1 };
    if (shape === 'circle') return <circle key={key} cx={cx} cy={cy} r={size} {...common} />;
    if (shape === 'square')
      return (
        <rect
          key={key}
          x={cx - size}
          y={cy - size}
          width={size * 2}
          height={size * 2}
          {...common}
        />
      );
    const points =
      shape === 'triangle'
        ? `${cx},${cy - size - 1} ${cx + size + 1},${cy + size} ${cx - size - 1},${cy + size}`
        : `${cx},${cy - size - 1} ${cx + size + 1},${cy} ${cx},${cy + size + 1} ${cx - size - 1},${cy}`;
    return <polygon key={key} points={points} {...common} />;
  };
}

/** Fill patterns for bars: solid, diagonal stripes, dots, cross-hatch. */
export function BarPatterns() {
  return (
    <defs>
      {SERIES_COLOURS.map((colour, index) => (
        <pattern
          key={index}
          id={patternId(index)}
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform={index === 1 ? 'rotate(45)' : undefined}
        >
          <rect width="8" height="8" fill={colour} />
          {index === 1 && (
            <line x1="0" y1="0" x2="0" y2="8" stroke="var(--surface)" strokeWidth="3" />
          )}
          {index === 2 && <circle cx="4" cy="4" r="1.6" fill="var(--surface)" />}
          {index === 3 && <path d="M0 4H8M4 0V8" stroke="var(--surface)" strokeWidth="1.5" />}
        </pattern>
      ))}
    </defs>
  );
}
