using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The command directly after an Import-MarcFile in the same pipeline, when it writes on a thread of its own
    /// (Export-MarcFile's write-behind).
    /// </summary>
    internal interface IMarcPipelineDownstream
    {
        /// <summary>
        /// Finishes writing everything received so far; true when it has reports about those records that it must
        /// write in its own turn (it gets one: an empty batch) before the upstream command reports anything.
        /// </summary>
        bool CatchUp();
    }

    /// <summary>
    /// Connects an Import-MarcFile with an Export-MarcFile that directly follows it in the same pipeline, so that the
    /// export can write on a thread of its own while every warning and error of both commands still comes in the
    /// order of the one-thread pipeline. Both run on the pipeline thread, so Import publishes itself in a
    /// thread-static slot while it passes a record on; Export, receiving it, is directly downstream when the slot is
    /// set, Export's position is Import's plus one in a pipeline of the same length, and no script block was entered
    /// in between (the call stack is as deep as when Import started: a nested pipeline in a ForEach-Object block
    /// is not the same pipeline). Once Export attaches, Import passes records on in batches, and before it
    /// reports anything (a warning, an error, a verbose message, a terminating error) it hands over its batch and
    /// lets Export catch up: Export's reports about earlier records come first, as they would have. See
    /// docs/design/marc-pipeline.md.
    /// </summary>
    internal sealed class MarcPipelineLink
    {
        [ThreadStatic]
        private static MarcPipelineLink? t_passing;

        private readonly PSCmdlet _upstream;
        private readonly int _position;
        private readonly int _length;
        private readonly int _callDepth;
        private readonly Func<bool> _readsAhead;
        private IMarcPipelineDownstream? _downstream;
        private List<MarcRecord>? _batch;

        private MarcPipelineLink(PSCmdlet upstream, int position, int length, int callDepth, Func<bool> readsAhead)
        {
            _upstream = upstream;
            _position = position;
            _length = length;
            _callDepth = callDepth;
            _readsAhead = readsAhead;
        }

        /// <summary>
        /// The link <paramref name="upstream"/> offers the next command, or null when none can use it: it is last in
        /// its pipeline, or its output is also seen elsewhere (-OutVariable, -PipelineVariable) or held back (-OutBuffer).
        /// </summary>
        /// <param name="upstream">The Import-MarcFile offering the link.</param>
        /// <param name="readsAhead">True while the file being read is read ahead on a thread (the downstream command then writes on one too).</param>
        internal static MarcPipelineLink? Offer(PSCmdlet upstream, Func<bool> readsAhead)
        {
            InvocationInfo invocation = upstream.MyInvocation;
            if (invocation.PipelinePosition < 1 || invocation.PipelinePosition >= invocation.PipelineLength) return null;
            var bound = invocation.BoundParameters;
            if (bound.ContainsKey("OutVariable") || bound.ContainsKey("PipelineVariable") || bound.ContainsKey("OutBuffer")) return null;
            int depth = CallDepth();
            if (depth < 0) return null;
            return new MarcPipelineLink(upstream, invocation.PipelinePosition, invocation.PipelineLength, depth, readsAhead);
        }

        /// <summary>
        /// The link of the command that is passing on the object <paramref name="downstream"/> is processing now, when
        /// it can be directly upstream of it (the position and pipeline length fit); otherwise null. Cheap; confirm
        /// with <see cref="IsDirectlyUpstreamOf"/> once.
        /// </summary>
        internal static MarcPipelineLink? Feeding(PSCmdlet downstream)
        {
            MarcPipelineLink? link = t_passing;
            if (link == null) return null;
            InvocationInfo invocation = downstream.MyInvocation;
            return invocation.PipelinePosition == link._position + 1 && invocation.PipelineLength == link._length ? link : null;
        }

        /// <summary>True when no script block was entered between the upstream command and <paramref name="downstream"/> (call it while it processes a record from this link).</summary>
        internal bool IsDirectlyUpstreamOf(PSCmdlet downstream) => ReferenceEquals(Feeding(downstream), this) && CallDepth() == _callDepth;

        /// <summary>Frames on the PowerShell call stack of this thread (script blocks, functions, scripts); -1 when unknown.</summary>
        private static int CallDepth()
        {
            Debugger? debugger = Runspace.DefaultRunspace?.Debugger;
            if (debugger == null) return -1;
            int depth = 0;
            foreach (CallStackFrame _ in debugger.GetCallStack()) depth++;
            return depth;
        }

        /// <summary>True while the upstream command reads its file ahead on a thread of its own.</summary>
        internal bool UpstreamReadsAhead => _readsAhead();

        /// <summary>The downstream command writes on a thread of its own from now on: records come in batches.</summary>
        internal void Attach(IMarcPipelineDownstream downstream)
        {
            _downstream = downstream;
            _batch ??= new List<MarcRecord>(MarcQueueLimits.DefaultBatchRecords);
        }

        /// <summary>The downstream command writes on the pipeline thread again: records come one by one (after the batch waiting).</summary>
        internal void Detach() => _downstream = null;

        /// <summary>Upstream: passes <paramref name="record"/> on (at once, or in the next batch).</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        internal void Pass(MarcRecord record)
        {
            if (_downstream != null)
            {
                _batch!.Add(record);
                if (_batch.Count >= MarcQueueLimits.DefaultBatchRecords) PassBatch();
                return;
            }
            PassBatch();
            PassObject(record);
        }

        /// <summary>
        /// Upstream: call before reporting anything, and before returning from its record processing. The records
        /// waiting in the batch are passed on, and the downstream command reports what it has about them and the
        /// records before them.
        /// </summary>
        internal void BeforeReport()
        {
            PassBatch();
            IMarcPipelineDownstream? downstream = _downstream;
            if (downstream != null && downstream.CatchUp()) PassObject(Array.Empty<MarcRecord>());
        }

        private void PassBatch()
        {
            if (_batch == null || _batch.Count == 0) return;
            MarcRecord[] records = _batch.ToArray();
            _batch.Clear();
            PassObject(records);
        }

        private void PassObject(object value)
        {
            MarcPipelineLink? previous = t_passing;
            t_passing = this;
            try
            {
                _upstream.WriteObject(value);
            }
            finally
            {
                t_passing = previous;
            }
        }
    }
}
