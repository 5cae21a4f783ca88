/** Motor readings and commands of one tick, as recorded (index-aligned with the robot's motors). */
export interface MotorSampleMessage {
  readonly tick: number;
  /** ms on the loop's clock. */
  readonly timeMs: number;
  /** rad */
  readonly position: number[];
  /** rad/s */
  readonly velocity: number[];
  /** A */
  readonly current: number[];
  /** Goal velocity commanded, rad/s. */
  readonly command: number[];
}

/** A planar pose: x, y in m, theta in rad. */
export interface PlanarPose {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** Foxglove's `foxglove.PoseInFrame`, so that Foxglove's 3D panel shows the robot's pose. */
export interface PoseInFrameMessage {
  readonly timestamp: { readonly sec: number; readonly nsec: number };
  readonly frame_id: string;
  readonly pose: {
    readonly position: { readonly x: number; readonly y: number; readonly z: number };
    readonly orientation: { readonly x: number; readonly y: number; readonly z: number; readonly w: number };
  };
}

/**
 * A planar pose as a `foxglove.PoseInFrame` at `epochMs` (ms since 1970):
 * z = 0, the heading as a rotation about z.
 *
 * @example
 * poseInFrame({ x: 1, y: 0, theta: Math.PI / 2 }, Date.now(), 'odom').pose.orientation; // { x: 0, y: 0, z: 0.707, w: 0.707 }
 */
export function poseInFrame(pose: PlanarPose, epochMs: number, frameId: string): PoseInFrameMessage {
  const sec = Math.floor(epochMs / 1000);
  return {
    timestamp: { sec, nsec: Math.min(999_999_999, Math.round((epochMs - sec * 1000) * 1e6)) },
    frame_id: frameId,
    pose: {
      position: { x: pose.x, y: pose.y, z: 0 },
      orientation: { x: 0, y: 0, z: Math.sin(pose.theta / 2), w: Math.cos(pose.theta / 2) },
    },
  };
}
