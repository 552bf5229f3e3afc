/* eslint-disable */
// GENERATED from the forms and parameters of the "inspection" pack by `estateflow pack types` (json-schema-to-typescript).
// Do not edit: change the schemas and regenerate; a test fails when this file is stale.
export interface InspectionParameters {
  /**
   * 巡检频次: How often the round is scheduled
   */
  frequency?: 'daily' | 'weekly' | 'monthly';
  /**
   * 计划开始时间: Scheduled start time (HH:mm, estate time zone)
   */
  startTime?: string;
  /**
   * 每周巡检日（1=周一）: Weekday of a weekly round (1 = Monday)
   */
  weekday?: number;
  /**
   * 每月巡检日: Day of the month of a monthly round
   */
  monthDay?: number;
  /**
   * 开始时限（分钟）: Start within (minutes)
   */
  missedAfterMinutes?: number;
  /**
   * 完成时限（小时）: Finish within (hours)
   */
  finishWithinHours?: number;
  /**
   * 漏检后再升级至项目经理（分钟）: After a missed round, escalate to the estate manager after (minutes)
   */
  secondEscalationMinutes?: number;
  /**
   * 默认巡检路线: Default route: checkpoint QR codes and names
   *
   * @minItems 1
   * @maxItems 50
   */
  route?: [
    {
      code: string;
      name: string;
    },
    ...{
      code: string;
      name: string;
    }[]
  ];
}

export interface InspectionCheckInForm {
  /**
   * 点位二维码
   */
  checkpointCode: string;
}

export interface InspectionCheckpointForm {
  /**
   * 检查项
   *
   * @minItems 1
   * @maxItems 40
   */
  items: [
    {
      /**
       * 检查项
       */
      name: string;
      /**
       * 结果
       */
      result: ('normal' | 'abnormal') & string;
      /**
       * 读数
       */
      reading?: number;
      /**
       * 单位
       */
      readingUnit?: string;
      /**
       * 异常说明
       */
      note?: string;
      /**
       * 照片
       *
       * @maxItems 9
       */
      photos?:
        | []
        | [string]
        | [string, string]
        | [string, string, string]
        | [string, string, string, string]
        | [string, string, string, string, string]
        | [string, string, string, string, string, string]
        | [string, string, string, string, string, string, string]
        | [string, string, string, string, string, string, string, string]
        | [string, string, string, string, string, string, string, string, string];
      /**
       * 严重程度
       */
      severity?: ('normal' | 'urgent' | 'emergency') & string;
      /**
       * 维修类别
       */
      repairCategory?: ('plumbing_electric' | 'doors_windows' | 'lift' | 'hvac' | 'pipes' | 'other') & string;
    },
    ...{
      /**
       * 检查项
       */
      name: string;
      /**
       * 结果
       */
      result: ('normal' | 'abnormal') & string;
      /**
       * 读数
       */
      reading?: number;
      /**
       * 单位
       */
      readingUnit?: string;
      /**
       * 异常说明
       */
      note?: string;
      /**
       * 照片
       *
       * @maxItems 9
       */
      photos?:
        | []
        | [string]
        | [string, string]
        | [string, string, string]
        | [string, string, string, string]
        | [string, string, string, string, string]
        | [string, string, string, string, string, string]
        | [string, string, string, string, string, string, string]
        | [string, string, string, string, string, string, string, string]
        | [string, string, string, string, string, string, string, string, string];
      /**
       * 严重程度
       */
      severity?: ('normal' | 'urgent' | 'emergency') & string;
      /**
       * 维修类别
       */
      repairCategory?: ('plumbing_electric' | 'doors_windows' | 'lift' | 'hvac' | 'pipes' | 'other') & string;
    }[]
  ];
}

export interface InspectionSkipForm {
  /**
   * 原因
   */
  reason: string;
}

export interface InspectionStartForm {
  /**
   * 巡检计划
   */
  planName?: string;
  /**
   * 巡检路线（不填则使用项目默认路线）
   *
   * @maxItems 50
   */
  checkpoints?: {
    /**
     * 点位编码（二维码）
     */
    code: string;
    /**
     * 点位名称
     */
    name: string;
  }[];
}
