import { Mark } from '@mantine/core';
import type { SnippetSegment } from '@ms/contracts/practices';

/** A search snippet: the words that match the query highlighted, everything else as plain text. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return segments.map((segment, index) =>
    segment.hit ? (
      <Mark key={index} color="yellow">
        {segment.text}
      </Mark>
    ) : (
      segment.text
    ),
  );
}
