/*
 * Copy and download of the lines the Logs tab shows (after the level filter), as plain text or
 * JSON Lines.
 */
import { useState } from 'react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Snackbar from '@material-ui/core/Snackbar';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import GetAppIcon from '@material-ui/icons/GetApp';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { LogEntry } from '@lookout/plugin-observability-common';
import { downloadText } from '../../lib/download';
import {
  exportLogs,
  LogExportFormat,
  logFileName,
  toLogText,
} from '../../lib/logExport';

/** Props of {@link LogsActions}. */
export interface LogsActionsProps {
  entries: readonly LogEntry[];
  /** Entity name, used in file names. */
  entityName: string;
}

/** Copy, download .log and download .jsonl buttons. */
export function LogsActions(props: LogsActionsProps) {
  const { entries, entityName } = props;
  const [, copy] = useCopyToClipboard();
  const [copied, setCopied] = useState(false);
  const disabled = entries.length === 0;
  const save = (format: LogExportFormat) => {
    const { content, mimeType } = exportLogs(entries, format);
    downloadText(
      content,
      mimeType,
      logFileName(entityName, format, Date.now()),
    );
  };
  return (
    <>
      <ButtonGroup size="small" variant="outlined" aria-label="Export lines">
        <Button
          startIcon={<FileCopyIcon />}
          disabled={disabled}
          onClick={() => {
            copy(toLogText(entries));
            setCopied(true);
          }}
        >
          Copy
        </Button>
        <Button
          startIcon={<GetAppIcon />}
          disabled={disabled}
          onClick={() => save('log')}
        >
          .log
        </Button>
        <Button
          startIcon={<GetAppIcon />}
          disabled={disabled}
          onClick={() => save('jsonl')}
        >
          .jsonl
        </Button>
      </ButtonGroup>
      <Snackbar
        open={copied}
        autoHideDuration={2000}
        onClose={() => setCopied(false)}
        message={`Copied ${entries.length} line${
          entries.length === 1 ? '' : 's'
        }`}
      />
    </>
  );
}
