import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/modules/postings/public-postings.query';
import { PostingOrder } from '../../src/modules/postings/public-posting.types';
import type { PostingRow } from '../../src/modules/postings/public-posting-row';

/** The cursor as it was first written: clients hold such cursors, so the bytes must not change. */
const reference = (order: PostingOrder, key: string, id: string) => Buffer.from(JSON.stringify([order, key, id])).toString('base64url');

describe('encodeCursor', () => {
  const id = '0b7e9a3c-5a55-4c1e-9d6f-2f1b3f0c9a10';
  const titles = ['engineer', 'say "hi"', 'back\\slash', 'tab\there', 'line\nbreak', '\u0001control', 'ünïcödé – 職位', '😀 emoji', '\u2028sep', ''];

  it('writes the same bytes as JSON.stringify of [order, key, id], for every order and any title', () => {
    for (const title_key of titles) {
      for (const published_key of ['1733312345678901', '-12345', '0']) {
        const row = { id, title_key, published_key } as PostingRow;
        for (const order of Object.values(PostingOrder)) {
          const key = order === PostingOrder.TITLE ? title_key : published_key;
          expect(encodeCursor(order, row), `${order} ${JSON.stringify(key)}`).toBe(reference(order, key, id));
        }
      }
    }
  });
});
