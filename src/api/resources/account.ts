export interface Account {
  email: string;
  uuid: string;
  status: 'active' | 'warning' | 'locked';
  status_message: string;
  email_verified: boolean;
  droplet_limit: number;
  floating_ip_limit: number;
  volume_limit?: number;
  team?: { uuid: string; name: string };
}

export interface Balance {
  month_to_date_balance: string;
  account_balance: string;
  month_to_date_usage: string;
  generated_at: string;
}
