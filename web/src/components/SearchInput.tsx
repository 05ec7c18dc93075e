import { useEffect, useRef, useState } from 'react';
import { TextInput } from '@mantine/core';

interface SearchInputProps {
  label: string;
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder?: string;
  w?: number | string | { base: number | string; xs?: number | string };
}

/** A labelled search box that reports what was typed after a short pause, not on every key. */
export function SearchInput({ label, value, onSearch, placeholder, w = { base: '100%', xs: 260 } }: SearchInputProps) {
  const [text, setText] = useState(value ?? '');
  const latest = useRef(onSearch);
  latest.current = onSearch;

  // Follow outside changes (back button, cleared filters) without fighting the user's typing.
  useEffect(() => setText(value ?? ''), [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? '')) return;
    const timer = window.setTimeout(() => latest.current(trimmed || undefined), 300);
    return () => window.clearTimeout(timer);
  }, [text, value]);

  return <TextInput type="search" label={label} placeholder={placeholder} value={text} onChange={(e) => setText(e.currentTarget.value)} w={w} />;
}
