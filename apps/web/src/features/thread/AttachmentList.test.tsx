import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { inboundMessage } from '../../test/messages';
import { renderWithClient } from '../../test/render';
import { AttachmentList } from './AttachmentList';

const stored = {
  n: 0,
  filename: 'gatlampa.jpg',
  contentType: 'image/png',
  size: 2048,
  state: 'STORED' as const,
  leftOutReason: null,
  thumbnail: true,
};

describe('AttachmentList', () => {
  it('links each stored file for download, with a described thumbnail for images', () => {
    renderWithClient(
      <AttachmentList
        threadId="t1"
        channelType="EMAIL"
        message={inboundMessage({
          storedAttachments: [
            stored,
            {
              ...stored,
              n: 1,
              filename: 'Ansökan.pdf',
              contentType: 'application/pdf',
              thumbnail: false,
            },
          ],
        })}
      />,
    );
    expect(screen.getByRole('region', { name: '2 attachments' })).toBeInTheDocument();
    const image = screen.getByRole('link', { name: /^gatlampa\.jpg, download \(2 kB\)$/ });
    expect(image).toHaveAttribute('href', '/api/v1/threads/t1/messages/m1/attachments/0');
    expect(image).toHaveAttribute('download', 'gatlampa.jpg');
    expect(screen.getByRole('img', { name: 'Preview of the image gatlampa.jpg' })).toHaveAttribute(
      'src',
      '/api/v1/threads/t1/messages/m1/attachments/0?size=thumb',
    );
    expect(screen.getByRole('link', { name: /^Ansökan\.pdf/ })).toHaveAttribute(
      'href',
      '/api/v1/threads/t1/messages/m1/attachments/1',
    );
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });

  it('says in words why a file was not stored, and that a Messenger file is on its way', () => {
    renderWithClient(
      <AttachmentList
        threadId="t1"
        channelType="FACEBOOK_PAGE"
        message={inboundMessage({
          storedAttachments: [
            {
              ...stored,
              filename: 'film.mov',
              state: 'LEFT_OUT',
              leftOutReason: 'file-too-large',
              thumbnail: false,
            },
            { ...stored, n: 1, state: 'PENDING', thumbnail: false },
          ],
        })}
      />,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(
      screen.getByText('the file is larger than the limit for one file.', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText('Not stored:')).toBeInTheDocument();
    expect(screen.getByText(/Being fetched from Facebook/)).toBeInTheDocument();
  });

  it('lists the names of files of messages stored before files were kept, without links', () => {
    renderWithClient(
      <AttachmentList
        threadId="t1"
        channelType="EMAIL"
        message={inboundMessage({
          attachments: [{ filename: 'gammal.pdf', contentType: 'application/pdf', size: 10 }],
        })}
      />,
    );
    expect(screen.getByText('gammal.pdf')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
