import { Types } from 'mongoose';
import { ResidentModel } from '../residents/resident.model';

export interface ResidentProfile { id: string; createdAt: string; lastLoginAt: string | null }

/**
 * The account record itself (the residents module has only its model). Deleting it is what makes a later WeChat
 * login with the same openid a new, empty resident: login upserts by openid and gets a new id.
 */
export interface ResidentProfiles {
  get(residentId: string): Promise<ResidentProfile | null>;
  delete(residentId: string): Promise<void>;
}

export function createResidentProfiles(): ResidentProfiles {
  return {
    async get(residentId) {
      if (!Types.ObjectId.isValid(residentId)) return null;
      const r = await ResidentModel.findById(residentId, { openid: 0 }).lean();
      return r ? { id: String(r._id), createdAt: r.createdAt.toISOString(), lastLoginAt: r.lastLoginAt?.toISOString() ?? null } : null;
    },
    async delete(residentId) {
      await ResidentModel.deleteOne({ _id: new Types.ObjectId(residentId) });
    },
  };
}
