import { describe, expect, it } from 'vitest';
import { enqueueMark, pendingStatuses, readQueue, removeMarks, writeQueue, type QueuedMark } from './mark-queue.ts';

const mark = (id: string, personId: string, status: QueuedMark['status'], markedAt = '2025-06-02T07:00:00.000Z'): QueuedMark => ({ clientMarkId: id, personId, status, markedAt });

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('the roll-call queue', () => {
  it("replaces a person's unsent mark with the newer one", () => {
    const queue = enqueueMark([mark('a', 'p1', 'present'), mark('b', 'p2', 'late')], mark('c', 'p1', 'absent', '2025-06-02T07:05:00.000Z'));
    expect(queue.map((m) => m.clientMarkId)).toEqual(['b', 'c']);
    expect(pendingStatuses(queue).get('p1')).toBe('absent');
  });

  it('keeps a mark that is being sent, so its answer can remove it and the newer one stays', () => {
    const queue = enqueueMark([mark('a', 'p1', 'present')], mark('c', 'p1', 'absent', '2025-06-02T07:05:00.000Z'), new Set(['a']));
    expect(queue.map((m) => m.clientMarkId)).toEqual(['a', 'c']);
    expect(removeMarks(queue, new Set(['a'])).map((m) => m.clientMarkId)).toEqual(['c']);
    expect(pendingStatuses(queue).get('p1')).toBe('absent');
  });

  it('survives a reload through storage and treats garbage as an empty queue', () => {
    const storage = new MemoryStorage();
    writeQueue(storage, 's1', [mark('a', 'p1', 'present')]);
    expect(readQueue(storage, 's1')).toEqual([mark('a', 'p1', 'present')]);
    expect(readQueue(storage, 's2')).toEqual([]);
    storage.setItem('ms.roll-call.s3', '{not json');
    expect(readQueue(storage, 's3')).toEqual([]);
    writeQueue(storage, 's1', []);
    expect(storage.getItem('ms.roll-call.s1')).toBeNull();
  });
});
