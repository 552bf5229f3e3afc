import { Alert } from 'antd';
import { Component, type ReactNode } from 'react';

interface BoundaryState {
  error: string | null;
  resetKey: string;
}

/** A schema mid-edit (or an unknown widget) can make RJSF throw: say so in place instead of taking the page down. */
export class FormErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, BoundaryState> {
  override state: BoundaryState = { error: null, resetKey: this.props.resetKey };
  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }
  override render() {
    return this.state.error ? <Alert type="warning" showIcon title={this.state.error} /> : this.props.children;
  }
}
