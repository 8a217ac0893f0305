import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { ImportReport } from '../../../domain'
import { uploadFile, type UploadOptions } from '../../../lib/api-client'
import { DASHBOARD_QUERY_ROOT, VENDORS_QUERY_ROOT } from '../../../lib/query-keys'

/** A dry run reports what every row would do and changes nothing; `apply` commits every row, or none. */
export type ImportMode = 'dry-run' | 'apply'

export function runImport(file: File, mode: ImportMode, options: UploadOptions = {}) {
  const query = new URLSearchParams({ dryRun: mode === 'dry-run' ? '1' : '0', filename: file.name })
  return uploadFile(`/api/imports?${query.toString()}`, file, ImportReport, options)
}

/** Where a running import stands: bytes going up, then the server at work on the rows. */
export type ImportStage = { phase: 'uploading'; loaded: number; total: number } | { phase: 'processing' }

/**
 * Uploads a spreadsheet for a dry run or for real, with the stage of the upload in progress. A new upload
 * cancels the one still running, so a file chosen again never races the answer for the previous one.
 */
export function useRunImport(mode: ImportMode) {
  const client = useQueryClient()
  const [stage, setStage] = useState<ImportStage | null>(null)
  const running = useRef<AbortController | null>(null)

  const mutation = useMutation({
    mutationFn: async (file: File) => {
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      // Only the latest upload may move the progress shown.
      const report = (next: ImportStage | null) => {
        if (running.current === controller) setStage(next)
      }
      report({ phase: 'uploading', loaded: 0, total: file.size })
      try {
        return await runImport(file, mode, {
          signal: controller.signal,
          onProgress: ({ loaded, total }) => report({ phase: 'uploading', loaded, total }),
          onUploaded: () => report({ phase: 'processing' }),
        })
      } finally {
        report(null)
        if (running.current === controller) running.current = null
      }
    },
    onSuccess: async (report) => {
      if (report.applied) {
        await Promise.all([
          client.invalidateQueries({ queryKey: VENDORS_QUERY_ROOT }),
          client.invalidateQueries({ queryKey: DASHBOARD_QUERY_ROOT }),
        ])
      }
    },
  })

  return {
    ...mutation,
    stage,
    /** Stops the upload in progress; a dry run stopped midway has changed nothing. */
    cancel: () => running.current?.abort(),
  }
}
