// An upload that ends without a verdict on its file: the client went away, its body ended before its
// announced length, or it came too slowly. The extract is marked failed (its key may be sent again at
// once) and the answer is a 4xx: nothing is wrong on the service's side.
import { AppError, type ErrorDetails } from '../errors.ts';

export class UploadInterrupted extends AppError {
  constructor(status: number, code: string, message: string, details?: ErrorDetails) {
    super(status, code, message, details);
  }
}

export const clientWentAway = () =>
  new UploadInterrupted(400, 'upload_interrupted', 'the body ended before it was complete; send it again');
