import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@svara/database';

/** How long Postgres's statistics are used before they are read again. */
const KEEP_MS = 10 * 60_000;

/**
 * The most common words of message texts and the share of messages holding
 * each, as ANALYZE keeps them for messages.searchVector (pg_stats). A word
 * not among them is rare. Read at most every ten minutes; absent until
 * Postgres has analyzed the table.
 */
@Injectable()
export class LexemeShares {
  private readonly logger = new Logger(LexemeShares.name);
  private shares: Promise<Map<string, number> | null> | undefined;
  private readAt = 0;

  constructor(private readonly prisma: PrismaService) {}

  /** The share of messages holding a word that starts with `prefix`; null without statistics. */
  async shareOf(): Promise<((prefix: string) => number) | null> {
    if (!this.shares || Date.now() - this.readAt > KEEP_MS) {
      this.readAt = Date.now();
      this.shares = this.read();
    }
    const shares = await this.shares;
    if (!shares) return null;
    return (prefix) => {
      let share = 0;
      for (const [lexeme, lexemeShare] of shares) {
        if (lexeme.startsWith(prefix)) share += lexemeShare;
      }
      return share;
    };
  }

  private async read(): Promise<Map<string, number> | null> {
    try {
      const [stats] = await this.prisma.$queryRaw<{ lexemes: string[]; shares: number[] }[]>`
        SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS shares
        FROM pg_stats
        WHERE schemaname = current_schema() AND tablename = 'messages' AND attname = 'searchVector'
          AND most_common_elems IS NOT NULL`;
      // The shares array ends with three summary figures past the lexemes.
      return stats ? new Map(stats.lexemes.map((lexeme, i) => [lexeme, stats.shares[i]!])) : null;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'word statistics not read');
      return null;
    }
  }
}
