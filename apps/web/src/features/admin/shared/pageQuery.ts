import { paging } from '../../../api/client';

/** limit/offset to spread beside a list's filters (the document does not yet type them as numbers). */
export const pageQuery = (offset: number, limit: number) => paging(offset, limit) as object;
