using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;

namespace OclcCataloging.Bench
{
    /// <summary>
    /// CPU seconds per thread name (Linux, /proc/self/task), sampled every 20 ms so that threads that end before the
    /// run does are counted too (to within a sample). Names are the kernel's: the first 15 characters of Thread.Name.
    /// </summary>
    internal sealed class ThreadCpuSampler : IDisposable
    {
        private readonly Dictionary<int, (string Name, long Ticks)> _seen = new Dictionary<int, (string, long)>();
        private readonly Thread _thread;
        private volatile bool _stop;

        public ThreadCpuSampler()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "cpu sampler" };
            _thread.Start();
        }

        private void Run()
        {
            while (!_stop)
            {
                Sample();
                Thread.Sleep(20);
            }
        }

        private void Sample()
        {
            if (!Directory.Exists("/proc/self/task")) return;
            foreach (string dir in Directory.GetDirectories("/proc/self/task"))
            {
                try
                {
                    int tid = int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                    string name = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                    string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    string[] f = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                    long ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture); // utime + stime
                    lock (_seen) _seen[tid] = (name, ticks);
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        /// <summary>CPU seconds by thread name, the threads of one name added up.</summary>
        public IDictionary<string, object> Stop()
        {
            _stop = true;
            _thread.Join();
            Sample();
            var byName = new SortedDictionary<string, double>(StringComparer.Ordinal);
            lock (_seen)
            {
                foreach (var (name, ticks) in _seen.Values)
                {
                    byName.TryGetValue(name, out double s);
                    byName[name] = s + ticks / 100.0;
                }
            }
            var result = new Dictionary<string, object>();
            foreach (var kv in byName) if (kv.Value > 0) result["cpu:" + kv.Key.Trim()] = Math.Round(kv.Value, 2);
            return result;
        }

        public void Dispose()
        {
            _stop = true;
        }
    }
}
