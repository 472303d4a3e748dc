import { samples, upload } from '../../uploads/helpers';
import type { CallMap } from '../helpers';

export const uploadsCalls: CallMap = {
  // A REST call: the key stages a resume. Another organization's key can only ever
  // upload into its own organization, so its answer must hold none of this org's ids.
  'uploads.upload': {
    request: async (fx, token) => {
      const res = await upload(fx.t, { token, purpose: 'RESUME', filename: 'matrix.pdf', bytes: samples.pdf });
      return { code: res.body.error?.code, message: res.body.error?.message, body: res.body, value: res.status === 201 ? res.body : undefined };
    },
    crossTenant: 'EMPTY',
  },
};
