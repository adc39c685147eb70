import { contentDifferences, SessionContent, toCandidate } from './session-content';

describe('comparing a resent session with the stored one', () => {
  const stored: SessionContent = {
    assignmentId: 'a1',
    occurredAt: new Date('2025-03-04T02:30:00Z'),
    durationMinutes: 45,
    mode: 'online',
    topics: ['lesson planning'],
    notes: null,
  };

  it('finds no difference when the same instant is sent in another time zone and notes are absent', () => {
    const sent = toCandidate(0, {
      assignmentId: 'a1',
      clientRef: 'dev-1:1',
      occurredAt: '2025-03-04T10:30:00+08:00',
      durationMinutes: 45,
      mode: 'online',
      topics: ['lesson planning'],
    });
    expect(contentDifferences(sent, stored)).toEqual([]);
  });

  it('names every field that differs', () => {
    const sent: SessionContent = {
      ...stored,
      assignmentId: 'a2',
      durationMinutes: 50,
      topics: [],
      notes: 'late',
    };
    expect(contentDifferences(sent, stored)).toEqual(['assignmentId', 'durationMinutes', 'topics', 'notes']);
  });
});
