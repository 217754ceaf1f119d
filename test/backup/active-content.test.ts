// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isActiveContent } from '../../src/backup/active-content';

describe('evidence files that could run code when opened', () => {
  it('are recognised by their type or by their name, whichever says so', () => {
    const active = [
      { name: 'page.html', type: '' },
      { name: 'saved.HTM', type: 'application/octet-stream' },
      { name: 'logo.png', type: 'image/svg+xml' },
      { name: 'report', type: 'text/html; charset=utf-8' },
      { name: 'setup.exe', type: 'application/pdf' },
      { name: 'run.ps1', type: 'text/plain' },
      { name: 'tool.jar', type: 'application/java-archive' },
      { name: 'x.js ', type: '' },
    ];
    const inert = [
      { name: 'policy.pdf', type: 'application/pdf' },
      { name: 'data.csv', type: 'text/csv' },
      { name: 'photo.jpg', type: 'image/jpeg' },
      { name: 'notes.txt', type: 'text/plain' },
      { name: 'html-guide.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ];
    expect(active.filter((file) => !isActiveContent(file))).toEqual([]);
    expect(inert.filter(isActiveContent)).toEqual([]);
  });
});
