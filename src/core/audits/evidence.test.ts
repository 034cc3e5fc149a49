import { describe, expect, it } from 'vitest';
import { baseContentType, detectEvidenceType, evidenceTypeProblem } from './evidence.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('evidence types by their first bytes', () => {
  it('recognises each accepted type', () => {
    expect(detectEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(detectEvidenceType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(detectEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(detectEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBe('audio/wav');
    expect(detectEvidenceType(bytes('OggS', [0, 2]))).toBe('audio/ogg');
    expect(detectEvidenceType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe('audio/webm');
    expect(detectEvidenceType(bytes([0, 0, 0, 0x20], 'ftypM4A '))).toBe('audio/mp4');
    expect(detectEvidenceType(bytes('ID3', [4, 0, 0]))).toBe('audio/mpeg');
    expect(detectEvidenceType(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
  });

  it('refuses anything else, and a type that does not match the kind or the bytes', () => {
    expect(detectEvidenceType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(detectEvidenceType(bytes('GIF89a'))).toBeNull();
    expect(detectEvidenceType(new Uint8Array())).toBeNull();
    const png = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(evidenceTypeProblem('photo', 'image/png', png)).toBeNull();
    expect(evidenceTypeProblem('photo', 'image/jpeg', png)).toBe('the file is not image/jpeg (it looks like image/png)');
    expect(evidenceTypeProblem('audio', 'image/png', png)).toBe('a recording must be sent as audio/mpeg, audio/mp4, audio/webm, audio/ogg, audio/wav (got image/png)');
    expect(evidenceTypeProblem('photo', 'image/gif', bytes('GIF89a'))).toContain('a photo must be sent as');
    expect(evidenceTypeProblem('photo', 'image/png', new Uint8Array())).toBe('the file is empty');
    expect(baseContentType('Audio/WebM; codecs=opus')).toBe('audio/webm');
    expect(baseContentType(undefined)).toBe('');
  });
});
